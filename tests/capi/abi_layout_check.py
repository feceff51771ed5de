#!/usr/bin/env python3
"""Append-only layout check for the public structs (complements abidiff).

abidiff reports a field change inside a struct reached through a pointer
parameter as an "indirect sub-type change" (exit 4, not the incompatible bit
8), and libabigail 2.2's `has_data_member_inserted_at = end` suppression also
hides such changes. So this script compares the member layout of every
`crossgate_*` struct in the committed baseline with the built library:

- every baseline member must still exist with the same offset and size;
- a new member is allowed only at or after the baseline struct's size
  (appended), and only in the size-tagged structs (crossgate.h convention 7);
- a baseline struct must not shrink or disappear.

usage: abi_layout_check.py <baseline.xml> <current.xml>
"""

import sys
import xml.etree.ElementTree as ET

# Structs that carry struct_size and may grow at the end.
GROWABLE = {"crossgate_request", "crossgate_decision", "crossgate_device",
            "crossgate_issue", "crossgate_engine_options", "crossgate_load_options",
            "crossgate_policy_info", "crossgate_invitation", "crossgate_sign_up",
            "crossgate_check_result"}


def layouts(path):
    root = ET.parse(path).getroot()
    by_id = {e.get("id"): e for e in root.iter() if e.get("id")}

    def size(type_id, depth=0):
        e = by_id.get(type_id)
        if e is None or depth > 20:
            return None
        if e.get("size-in-bits"):
            return int(e.get("size-in-bits"))
        inner = e.get("type-id")  # typedefs, qualified types
        return size(inner, depth + 1) if inner else None

    structs = {}
    for cls in root.iter("class-decl"):
        name = cls.get("name", "")
        if not name.startswith("crossgate_") or cls.get("is-declaration-only") == "yes":
            continue
        members = {}
        for dm in cls.findall("data-member"):
            var = dm.find("var-decl")
            members[var.get("name")] = (int(dm.get("layout-offset-in-bits")),
                                        size(var.get("type-id")))
        structs[name] = (int(cls.get("size-in-bits", "0")), members)
    return structs


def main(baseline_path, current_path):
    baseline, current = layouts(baseline_path), layouts(current_path)
    errors = []
    for name, (old_size, old_members) in sorted(baseline.items()):
        if name not in current:
            errors.append(f"{name}: missing from the library")
            continue
        new_size, new_members = current[name]
        if new_size < old_size:
            errors.append(f"{name}: shrank from {old_size} to {new_size} bits")
        for member, (offset, msize) in old_members.items():
            if member not in new_members:
                errors.append(f"{name}.{member}: removed or renamed")
            elif new_members[member] != (offset, msize):
                errors.append(f"{name}.{member}: offset/size {(offset, msize)} -> "
                              f"{new_members[member]}")
        for member, (offset, _) in new_members.items():
            if member in old_members:
                continue
            if name not in GROWABLE:
                errors.append(f"{name}.{member}: added to a fixed-layout struct")
            elif offset < old_size:
                errors.append(f"{name}.{member}: added inside the v1 layout "
                              f"(offset {offset} < {old_size})")
    for e in errors:
        print("FAIL:", e)
    if not errors:
        print(f"layout ok: {len(baseline)} structs append-only compatible")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
