"""The project's scripts (scripts/), run as an editor runs them from the shell: the arguments, standard input and
working folder given; what they print and their exit status returned.

Most tests run a script's main() in this process: a new Python importing MkDocs again would prove nothing more.
A test that passes as_command=True runs the script's file in a subprocess, which proves its command line itself
(tests/test_bad_input.py does for scripts/check, test_governance_site.py for scripts/annual-report,
test_record_signature.py for scripts/record-signature, test_add_partner.py for scripts/add-partner in a terminal).
"""

from __future__ import annotations

import contextlib
import importlib.machinery
import importlib.util
import io
import subprocess
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

from sitebuild import ROOT


@cache
def load_script(name: str) -> ModuleType:
    """scripts/<name> as a module (its file has no .py suffix, and its `__main__` block does not run), loaded once."""
    loader = importlib.machinery.SourceFileLoader(name.replace("-", "_"), str(ROOT / "scripts" / name))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    loader.exec_module(module)
    return module


def run_script(name: str, *args: str, stdin: str = "", cwd: Path | None = None, as_command: bool = False) -> subprocess.CompletedProcess:
    """Run scripts/<name> with args, stdin as its standard input and cwd as its working folder; its exit status
    (returncode), standard output and standard error, as text."""
    if as_command:
        command = [sys.executable, str(ROOT / "scripts" / name), *args]
        return subprocess.run(command, input=stdin, cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=120)
    out, err = io.StringIO(), io.StringIO()
    saved = sys.argv, sys.stdin
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), contextlib.chdir(cwd or Path.cwd()):
        sys.argv, sys.stdin = [name, *args], io.StringIO(stdin)
        try:
            status = load_script(name).main()
        except SystemExit as exit:  # argparse's refusals (status 2), and sys.exit("message")
            status = exit.code
        finally:
            sys.argv, sys.stdin = saved
    if isinstance(status, str):  # as Python does for sys.exit("message"): the message on standard error, status 1
        print(status, file=err)
        status = 1
    return subprocess.CompletedProcess([name, *args], status or 0, out.getvalue(), err.getvalue())
