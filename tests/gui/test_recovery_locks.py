"""Recovery you can trust, and a lock that means something, tried as a designer meets them.

Other Cuecraft processes are real processes running the real window (offscreen): one
that takes the file over, one killed with kill -9 while typing, one left a zombie.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from cuecraft.core.edits import SetField
from cuecraft.core.fileformat import load_design, save_design
from cuecraft.gui import dialogs, file_guard, recovery
from cuecraft.gui.app import create_window
from cuecraft.gui.main_window import settings

ROOT = Path(__file__).resolve().parents[2]
CAFE = ROOT / "designs" / "rainforest-cafe.yaml"
LINUX = sys.platform.startswith("linux")


@pytest.fixture
def asked(monkeypatch, tmp_path):
    """Isolated data folder; every question recorded and answered from `answers`."""
    monkeypatch.setenv("CUECRAFT_DATA_DIR", str(tmp_path / "data"))
    record: list[tuple[str, tuple[object, ...]]] = []
    answers: dict[str, object] = {}

    def answer(kind: str, default: object):
        def ask(*args: object, **named: object) -> object:
            record.append((kind, (*args[1:], *named.values())))
            return answers.get(kind, default)

        return ask

    monkeypatch.setattr(dialogs, "ask_recover", answer("recover?", True))
    monkeypatch.setattr(dialogs, "show_error", answer("error", None))
    monkeypatch.setattr(dialogs, "show_load_error", answer("load-error", None))
    monkeypatch.setattr(dialogs, "ask_save_changes", answer("save?", "discard"))
    monkeypatch.setattr(dialogs, "ask_lock_choice", answer("lock", "read-only"))
    monkeypatch.setattr(dialogs, "ask_lock_taken", answer("taken?", "cancel"))
    monkeypatch.setattr(file_guard, "ask_before_overwrite", answer("overwrite?", "cancel"))
    monkeypatch.setattr(file_guard, "ask_after_outside_change", answer("outside", "keep"))
    return record, answers


def kinds(record) -> list[str]:
    return [kind for kind, _ in record]


def open_window(qtbot, path: Path | None):
    window = create_window(str(path) if path else None)
    qtbot.addWidget(window)
    window.show()
    return window


def copy_of_cafe(tmp_path: Path) -> Path:
    path = tmp_path / "cafe.yaml"
    path.write_bytes(CAFE.read_bytes())
    return path


def other_cuecraft(body: str, path: Path) -> subprocess.Popen[str]:
    """Another Cuecraft process with the real window on `path`; `body` runs once it is
    open (as `window`), with every question answered as the body's globals say."""
    script = textwrap.dedent("""
        import sys, time
        from pathlib import Path
        from PySide6.QtCore import QTimer
        from cuecraft.core.edits import SetField
        from cuecraft.gui import dialogs
        from cuecraft.gui.app import application, create_window
        dialogs.ask_recover = lambda parent, text: False
        dialogs.ask_save_changes = lambda parent, name: "discard"
        dialogs.ask_lock_choice = lambda parent, name, holder: (
            print("warned", holder, flush=True) or LOCK_CHOICE
        )
        LOCK_CHOICE = "take-over"
        app = application()
        path = Path(sys.argv[1])
    """) + textwrap.dedent(body)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-c", script, str(path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def read_line(child: subprocess.Popen[str], timeout: float = 60) -> str:
    """The child's next line (its error output if it ended instead)."""
    assert child.stdout is not None
    result: list[str] = []
    reader = threading.Thread(target=lambda: result.append(child.stdout.readline()))
    reader.start()
    reader.join(timeout)
    line = result[0].strip() if result else ""
    if not line:
        child.kill()
        _, errors = child.communicate()
        raise AssertionError(f"the other Cuecraft said nothing: {errors[-3000:]}")
    return line


def end(child: subprocess.Popen[str]) -> None:
    if child.poll() is None:
        child.kill()
    child.communicate()


# -- take over ------------------------------------------------------------------------------


def test_taken_over_the_first_window_is_told_and_its_save_asks(qtbot, asked, tmp_path):
    record, answers = asked
    path = copy_of_cafe(tmp_path)
    first = open_window(qtbot, path)
    first.document.push(SetField("design", "title", "Mine, from the first window"))
    other = other_cuecraft(
        """
        window = create_window(str(path))
        print("open", window.document.read_only, flush=True)
        app.exec()
        """,
        path,
    )
    try:
        assert read_line(other).startswith(f"warned another Cuecraft (process {os.getpid()}")
        assert read_line(other) == "open False", "the second window took the file over"
        # At once, without saving: the lock file changed and the watcher says so.
        qtbot.waitUntil(lambda: "taken over" in first.statusBar().currentMessage(), timeout=10_000)
        assert str(other.pid) in first.statusBar().currentMessage()
        before = path.read_bytes()

        assert not first.save()
        assert kinds(record)[-1] == "taken?" and str(other.pid) in str(record[-1][1])
        assert path.read_bytes() == before, "cancel writes nothing"
        assert first.isWindowModified()

        saved_as: list[bool] = []
        first.save_as = lambda: saved_as.append(True) or False  # type: ignore[method-assign]
        answers["taken?"] = "save-as"
        assert not first.save()
        assert saved_as == [True] and path.read_bytes() == before

        answers["taken?"] = "overwrite"
        assert first.save()
        assert load_design(path).title == "Mine, from the first window"
        assert recovery.still_mine(path), "overwriting takes the lock back"
        info = json.loads(recovery.lock_path(path).read_text(encoding="utf-8"))
        assert info["pid"] == os.getpid()
    finally:
        end(other)


def test_the_lock_is_taken_again_at_every_save(qtbot, asked, tmp_path):
    path = copy_of_cafe(tmp_path)
    window = open_window(qtbot, path)
    recovery.lock_path(path).unlink()  # swept away by someone
    window.document.push(SetField("design", "title", "Saved"))
    assert window.save()
    assert json.loads(recovery.lock_path(path).read_text(encoding="utf-8"))["pid"] == os.getpid()


# -- recovery -------------------------------------------------------------------------------


def killed_after_autosave(path: Path, title: str) -> None:
    """A Cuecraft on `path` that edits the title, autosaves and is killed with kill -9."""
    child = other_cuecraft(
        f"""
        window = create_window(str(path))
        window.document.push(SetField("design", "title", {title!r}))
        window.autosave_now()
        print("autosaved", flush=True)
        app.exec()
        """,
        path,
    )
    try:
        assert read_line(child) == "autosaved"
    finally:
        child.send_signal(signal.SIGKILL)
        end(child)


@pytest.mark.skipif(not LINUX, reason="a zombie's state is read from /proc")
def test_work_of_a_killed_zombie_is_recovered_and_takes_the_lock(qtbot, asked, tmp_path):
    record, _ = asked
    path = copy_of_cafe(tmp_path)
    child = other_cuecraft(
        """
        window = create_window(str(path))
        window.document.push(SetField("design", "title", "Edited by a zombie"))
        window.autosave_now()
        print("autosaved", flush=True)
        app.exec()
        """,
        path,
    )
    try:
        assert read_line(child) == "autosaved"
        child.send_signal(signal.SIGKILL)
        deadline = time.monotonic() + 10
        while Path(f"/proc/{child.pid}/stat").read_text().rpartition(")")[2].split()[0] != "Z":
            assert time.monotonic() < deadline
            time.sleep(0.02)
        os.kill(child.pid, 0)  # a zombie: a PID probe would still call it alive

        window = open_window(qtbot, None)
        assert kinds(record)[0] == "recover?" and str(path) in str(record[0][1])
        assert window.document.design.title == "Edited by a zombie"
        assert window.isWindowModified() and window.document.path == path
        assert "lock" not in kinds(record), "a zombie holds no lock"
        assert json.loads(recovery.lock_path(path).read_text(encoding="utf-8"))["pid"] == (
            os.getpid()
        )
    finally:
        child.kill()
        child.communicate()  # reaped only now

    # Recovered work holds the lock: a second window is warned.
    second = other_cuecraft(
        """
        LOCK_CHOICE = "cancel"
        window = create_window(str(path))
        print("second", window.document.path, flush=True)
        """,
        path,
    )
    try:
        assert read_line(second).startswith(f"warned another Cuecraft (process {os.getpid()}")
        assert read_line(second) == "second None", "cancel opened nothing"
    finally:
        end(second)


def test_a_recovery_older_than_the_file_says_so_and_never_erases_it(qtbot, asked, tmp_path):
    record, _ = asked
    path = copy_of_cafe(tmp_path)
    killed_after_autosave(path, "Autosaved before the crash")
    (meta,) = (tmp_path / "data" / "recovery").glob("recovery-*.json")
    autosaved_at = json.loads(meta.read_text(encoding="utf-8"))["saved_at"]
    time.sleep(0.05)
    newer = load_design(path)
    newer.title = "Saved later, elsewhere"
    save_design(newer, path)
    newer_bytes = path.read_bytes()

    window = open_window(qtbot, None)
    kind, (text,) = record[0]
    assert kind == "recover?" and "NEWER" in str(text)
    for moment in (autosaved_at, path.stat().st_mtime):
        assert time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(moment)) in str(text)
    # Accepted: the work is there, unsaved, under its name; the newer file is untouched.
    assert window.document.design.title == "Autosaved before the crash"
    assert window.document.path == path and window.isWindowModified()
    assert path.read_bytes() == newer_bytes
    assert "newer" in window.statusBar().currentMessage()
    # Save asks before replacing the newer file; cancel keeps it.
    assert not window.save()
    assert kinds(record)[-1] == "overwrite?"
    assert path.read_bytes() == newer_bytes


def test_a_recovery_of_the_file_as_it_is_saves_without_questions(qtbot, asked, tmp_path):
    record, _ = asked
    path = copy_of_cafe(tmp_path)
    killed_after_autosave(path, "Recovered and saved")
    window = open_window(qtbot, None)
    assert "NEWER" not in str(record[0][1])
    assert window.save()
    assert kinds(record) == ["recover?"], "the file is the one the work started from"
    assert load_design(path).title == "Recovered and saved"


def write_orphan(folder: Path, text: str, original: Path | None) -> Path:
    """A recovery file as a dead Cuecraft leaves it (its beacon gone)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "recovery-424242-dead.yaml").write_text(text, encoding="utf-8")
    meta = {
        "pid": 424242,
        "host": recovery.HOST,
        "token": "dead",
        "beacon": str(folder / "no-such-beacon.alive"),
        "original": str(original) if original else None,
        "saved_at": time.time(),
    }
    data = folder / "recovery-424242-dead.json"
    data.write_text(json.dumps(meta), encoding="utf-8")
    return data


def test_a_recovery_that_cannot_load_is_kept_and_explained_once(qtbot, asked, tmp_path):
    record, _ = asked
    broken = "cuecraft: 1\ntitle: [never closed\n"
    write_orphan(tmp_path / "data" / "recovery", broken, None)
    window = open_window(qtbot, None)
    assert kinds(record) == ["recover?", "error"]
    title, message = record[1][1]
    assert title == "Recovery failed"
    kept = list((tmp_path / "data" / "recovery-failed").glob("*.yaml"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == broken
    assert str(kept[0]) in str(message), "it says where the work is kept"
    assert ":3:" in str(message) or ":2:" in str(message), "and why, with the place"
    assert window.document.path is None  # a blank design instead
    assert not list((tmp_path / "data" / "recovery").glob("recovery-*"))

    record.clear()
    open_window(qtbot, None)
    assert record == [], "the next start does not fail again"


# -- autosave timing ------------------------------------------------------------------------


def test_the_autosave_countdown_starts_at_the_edit(qtbot, asked, tmp_path):
    settings().setValue("autosave/seconds", 45)
    window = open_window(qtbot, copy_of_cafe(tmp_path))
    timer = window._autosave_timer
    assert timer.isSingleShot() and timer.interval() == 45_000, "the delay is the setting"
    timer.setInterval(1000)
    qtbot.wait(400)
    assert not timer.isActive(), "nothing counts down before an edit"
    window.document.push(SetField("design", "title", "First edit"))
    assert timer.isActive() and timer.remainingTime() > 800
    qtbot.wait(500)
    window.document.push(SetField("design", "title", "Second edit"))
    assert timer.remainingTime() < 600, "later edits do not push the autosave back"
    assert not window.autosave.data.exists()
    qtbot.waitUntil(window.autosave.data.exists, timeout=5000)
    assert "Second edit" in window.autosave.data.read_text(encoding="utf-8")
    assert not timer.isActive()


def test_leaving_the_window_autosaves_at_once(qtbot, asked, tmp_path):
    window = open_window(qtbot, copy_of_cafe(tmp_path))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.document.push(SetField("design", "title", "Typed, then switched away"))
    assert window._autosave_timer.isActive()
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    qtbot.waitUntil(window.autosave.data.exists, timeout=2000)
    assert "switched away" in window.autosave.data.read_text(encoding="utf-8")
    assert not window._autosave_timer.isActive(), "nothing waits for the countdown any more"


DELAY = 1.0  # the autosave delay the typing child uses, in seconds
SLACK = 2.0  # a busy machine's lateness, on top of the delay


def test_kill_9_while_typing_loses_at_most_the_delay(qtbot, asked, tmp_path):
    record, _ = asked
    path = copy_of_cafe(tmp_path)
    original = load_design(path).cues[0].text
    child = other_cuecraft(
        f"""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        window = create_window(str(path))
        window._autosave_timer.setInterval({int(DELAY * 1000)})
        window.show()
        document = window.document
        document.select(document.design.cues[0].id)
        editor = window.inspector.editors["text"]
        editor.setFocus()
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        typed = 0

        def type_one():
            global typed
            QTest.keyClick(editor, Qt.Key.Key_Z)
            typed += 1
            print("typed", typed, time.time(), flush=True)

        keys = QTimer()
        keys.timeout.connect(type_one)
        keys.start(50)
        app.exec()
        """,
        path,
    )
    moments: list[tuple[int, float]] = []
    kill_after = random.uniform(DELAY + SLACK + 0.5, DELAY + SLACK + 2.5)
    try:
        first = read_line(child).split()
        moments.append((int(first[1]), float(first[2])))
        while time.time() - moments[0][1] < kill_after:
            _, count, at = read_line(child).split()
            moments.append((int(count), float(at)))
        killed_at = time.time()
        child.send_signal(signal.SIGKILL)
    finally:
        end(child)
    kept = [count for count, at in moments if at <= killed_at - DELAY - SLACK]
    assert kept, "the child typed for too short a time"

    window = open_window(qtbot, None)
    assert kinds(record)[0] == "recover?"
    text = window.document.design.cues[0].text
    assert text.startswith(original) and set(text[len(original) :]) <= {"z"}
    recovered = len(text) - len(original)
    assert recovered >= max(kept), (
        f"killed {kill_after:.2f} s into typing: {recovered} keys recovered, but "
        f"{max(kept)} were typed more than {DELAY + SLACK} s before the kill"
    )
