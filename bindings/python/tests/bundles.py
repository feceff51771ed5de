"""Tiny binary PolicyBundles, hand-encoded in protobuf wire format so the
tests need no protobuf package: bundle_version + tenants { tenant_id }."""

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
OTHER_TENANT = "11111111-2222-3333-4444-555555555555"


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _field(number: int, payload: bytes) -> bytes:
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def bundle(version: int, *tenants: str) -> bytes:
    data = _varint(1 << 3) + _varint(version)
    for tenant in tenants or (TENANT,):
        data += _field(2, _field(1, tenant.encode()))
    return data
