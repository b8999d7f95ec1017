"""A check never imports networkx (140 ms of a process's start): issue 19.

The workbench's first check, every `cuecraft check` process, diff and merge run
the check; networkx is for the whole-design network (the Graph view, the brief)
only. Each probe is a fresh interpreter in isolated mode (-I: no PYTHONPATH, no
user site, no sitecustomize from the environment), so nothing else preloads it.
"""

from __future__ import annotations

from pathlib import Path

from tests.fresh import fresh_python

ROOT = Path(__file__).resolve().parents[2]
DESIGN = str(ROOT / "designs" / "rainforest-cafe.yaml")

CHECK = """
import sys
from cuecraft.core.check import check
from cuecraft.core.fileformat import load_design
result = check(load_design(sys.argv[1]))
assert result.findings is not None and result.graph.journey_order
if sys.argv[2:] == ["network"]:
    assert result.graph.network.number_of_nodes()
print('networkx' in sys.modules)
"""

COMMAND = """
import contextlib, io, sys
from cuecraft.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    status = main(sys.argv[1:])
print(status, bool(out.getvalue()), 'networkx' in sys.modules)
"""


def test_checking_a_design_leaves_networkx_out():
    assert fresh_python(CHECK, DESIGN) == "False"


def test_the_probe_sees_networkx_once_the_network_is_built():
    # The same probe says True when networkx is really imported, so the test above can fail.
    assert fresh_python(CHECK, DESIGN, "network") == "True"


def test_the_check_command_leaves_networkx_out():
    # Exit 1: the example has findings, which the command printed.
    assert fresh_python(COMMAND, "check", DESIGN) == "1 True False"
    assert fresh_python(COMMAND, "check", "--format", "json", DESIGN) == "1 True False"


def test_diff_and_merge_leave_networkx_out(tmp_path):
    text = Path(DESIGN).read_text(encoding="utf-8")
    base, ours, theirs = tmp_path / "base.yaml", tmp_path / "ours.yaml", tmp_path / "theirs.yaml"
    base.write_text(text, encoding="utf-8")
    ours.write_text(text.replace("Into the rainforest", "Into the jungle", 1), encoding="utf-8")
    theirs.write_text(text + "# theirs\n", encoding="utf-8")
    assert ours.read_text(encoding="utf-8") != text
    assert fresh_python(COMMAND, "diff", str(base), str(ours)) == "1 True False"  # 1: they differ
    merged = tmp_path / "merged.yaml"
    merge = ["merge", "-o", str(merged), str(base), str(ours), str(theirs)]
    assert fresh_python(COMMAND, *merge).endswith(" False")
    assert "Into the jungle" in merged.read_text(encoding="utf-8")
