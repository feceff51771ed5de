"""crossgate: Python binding of the crossgate C ABI (ctypes, standard library
only). See crossgate.engine for the tour; docs/c-api.md for the semantics."""

from ._native import CrossgateError, Issue, status_string
from .engine import (Decision, DecisionBatch, Engine, LoadReport, PolicyResult,
                     Snapshot)
from .request import Request, RequestBatch
from . import _native as _n

__version__ = _n.lib.crossgate_version_string().decode()

# Status codes (crossgate.h crossgate_status).
OK, EINVALID, EVERSION, EPARSE, ESEMANTIC, ELIMIT, ENOMEM, EINTERNAL = 0, -1, -2, -3, -4, -5, -6, -7
EIO, ENOTLOADED, EENUM, EBUFSIZE, ERANGE, ESTALE, EUNSUPPORTED = -8, -9, -10, -11, -12, -13, -14

__all__ = ["CrossgateError", "Decision", "DecisionBatch", "Engine", "Issue",
           "LoadReport", "PolicyResult", "Request", "RequestBatch", "Snapshot",
           "status_string"]
