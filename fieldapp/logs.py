"""The desktop program's log: a small rotating file in the profile folder, and crash reports.

The log exists so that a bug can be found later, on a laptop that holds
families' records. So what reaches the file is decided here, for every
logger (ours and third-party ones): the message's template, its numbers and
short code-like words (`offline`, `device_revoked`, an id), exception types
and traceback frames as `file:line:function`. Never an exception's message,
a `repr`, a local variable or free text: any of those can carry a name
typed by a caseworker.

    <profile>/logs/fieldapp.log   (owner-only, 3 files of 1 MB)

`configure(folder)` is called once at start by cli.py, with the profile
folder (known from --profile or the default before anything opens; the
selftest, which has no real profile, logs to the user log folder).
`install_hooks()` sends uncaught exceptions (main thread and other threads)
to the log, and to a dialog when the GUI installs one (fieldapp/ui/crash.py).
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import platform
import re
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from fieldapp import __version__

LOG_DIR = "logs"
LOG_FILE = "fieldapp.log"
MAX_BYTES = 1_000_000
BACKUPS = 2  # fieldapp.log, .1 and .2: about 3 MB at most
# The only free words that may reach the log: short codes, type names, ids.
_CODE = re.compile(r"[A-Za-z0-9_.:\-]{1,64}")
_PACKAGES = ("fieldapp", "casework", "sync")  # our code: its frames are named from the package down
_OURS = tuple(p + "." for p in _PACKAGES) + _PACKAGES

log = logging.getLogger("fieldapp")

CrashListener = Callable[[str], None]


def _safe_arg(value: object) -> str:
    if value is None or isinstance(value, (bool, int, float)):
        return str(value)
    if isinstance(value, str) and _CODE.fullmatch(value):
        return value
    return f"<{type(value).__name__}>"


def _frame_file(filename: str) -> str:
    """A frame's file from our package root down (`fieldapp/ui/app.py`), else its base name.

    The full path would carry the user's folder names (often the person's name).
    """
    parts = Path(filename).parts
    for i in range(len(parts) - 1, -1, -1):
        if parts[i] in _PACKAGES and i < len(parts) - 1:
            return "/".join(parts[i:])
    return Path(filename).name


def describe_exception(exc_type: type[BaseException], exc: BaseException | None,
                       tb: TracebackType | None) -> list[str]:
    """An exception as lines of type names and frames (`file:line in function`), causes included.

    No message and no value: only what the program's code is, never what it held.
    """
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    kind: type[BaseException] | None = exc_type
    trace = tb
    while kind is not None:
        name = f"{kind.__module__}.{kind.__qualname__}" if kind.__module__ != "builtins" else kind.__qualname__
        code = getattr(current, "code", None) if current is not None and _is_ours(kind) else None
        errno = getattr(current, "errno", None) if isinstance(current, OSError) else None
        extra = f" [{code}]" if isinstance(code, str) and _CODE.fullmatch(code) else ""
        extra += f" [errno {errno}]" if isinstance(errno, int) else ""
        lines.append(f"{name}{extra}")
        while trace is not None:
            frame = trace.tb_frame.f_code
            lines.append(f"  {_frame_file(frame.co_filename)}:{trace.tb_lineno} in {frame.co_name}")
            trace = trace.tb_next
        if current is None:
            break
        seen.add(id(current))
        following = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
        if following is None or id(following) in seen:
            break
        lines.append("caused by (or while handling):" if current.__cause__ is None else "caused by:")
        current, kind, trace = following, type(following), following.__traceback__
    return lines


def _is_ours(kind: type[BaseException]) -> bool:
    return kind.__module__.startswith(_OURS)


class PrivateFormatter(logging.Formatter):
    """Formats any log record under the privacy rule above (see the module's docstring)."""

    @staticmethod
    def safe_message(record: logging.LogRecord) -> str:
        """The template with its arguments screened: numbers and codes stay, anything else is its type."""
        if not isinstance(record.msg, str):
            return _safe_arg(record.msg)
        args = record.args
        if not args:
            return record.msg
        if isinstance(args, dict) and "%(" in record.msg:
            safe: Any = {k: _safe_arg(v) for k, v in args.items()}
        elif isinstance(args, dict):  # logging unpacks a lone mapping argument: it is one value
            safe = (_safe_arg(args),)
        else:
            safe = tuple(_safe_arg(v) for v in args)
        try:
            return str(record.msg.replace("%d", "%s").replace("%r", "%s").replace("%i", "%s") % safe)
        except (TypeError, ValueError, KeyError):
            return record.msg

    def format(self, record: logging.LogRecord) -> str:
        text = f"{self.formatTime(record)} {record.levelname} {record.name}: {self.safe_message(record)}"
        if record.exc_info and record.exc_info[0] is not None:
            text += "\n" + "\n".join(describe_exception(*record.exc_info))
        return text  # stack_info and exc_text are left out: they print values


class _OwnerOnlyFile(logging.handlers.RotatingFileHandler):
    """A rotating file created owner-only (0600) whatever the umask, rotated files too."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)
        return io.TextIOWrapper(io.BufferedWriter(io.FileIO(fd, "a")), encoding=self.encoding or "utf-8")


def log_folder(profile: Path) -> Path:
    """Where a profile's log files live."""
    return profile / LOG_DIR


def configure(folder: Path, *, level: int = logging.INFO) -> Path:
    """Send every logger to `<folder>/fieldapp.log` (rotating, owner-only); returns the file.

    Called again (another profile, a test), it replaces the file it set before.
    """
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / LOG_FILE
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _OwnerOnlyFile):
            root.removeHandler(handler)
            handler.close()
    handler = _OwnerOnlyFile(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(PrivateFormatter())
    root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    return path


def user_log_folder() -> Path:
    """The user's log folder (platformdirs): for runs without a profile (the selftest)."""
    from platformdirs import user_log_path

    from fieldapp.paths import APP_NAME

    return user_log_path(APP_NAME, appauthor=False)


def crash_report(exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None) -> str:
    """What a person may copy and send to IT: the program, the system, the exception's type and frames."""
    lines = [f"FieldApp {__version__}",
             f"{platform.system()} {platform.release()} {platform.machine()}, Python {platform.python_version()}",
             ""]
    return "\n".join(lines + describe_exception(exc_type, exc, tb))


_listeners: list[CrashListener] = []


def add_crash_listener(listener: CrashListener) -> None:
    """Also hand each crash report to `listener` (the GUI's dialog), after it is logged."""
    if listener not in _listeners:
        _listeners.append(listener)


def remove_crash_listener(listener: CrashListener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def report_crash(exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None) -> None:
    """An uncaught exception: to the log, then to the listeners (or to stderr when there is none)."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc or exc_type(), tb)
        return
    log.getChild("crash").error("uncaught exception", exc_info=(exc_type, exc, tb))  # type: ignore[arg-type]
    report = crash_report(exc_type, exc, tb)
    if not _listeners:
        if sys.stderr is not None:
            print(report, file=sys.stderr)
        return
    for listener in list(_listeners):
        listener(report)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    report_crash(args.exc_type, args.exc_value, args.exc_traceback)


def install_hooks() -> None:
    """Uncaught exceptions, on any thread, go to `report_crash`."""
    sys.excepthook = report_crash
    threading.excepthook = _thread_hook
