import os

from trialgraph.forked import Forked


def test_the_child_answers_with_what_it_computed_in_its_own_process():
    parent = os.getpid()
    assert Forked(lambda: ("from", os.getpid() != parent, "x" * 1_000_000)).result() == ("from", True, "x" * 1_000_000)


def test_a_failing_child_leaves_the_work_to_the_fallback_here():
    def work():
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return "done here"

    parent = os.getpid()
    assert Forked(work).result() == "done here"
    assert Forked(work, fallback=lambda: None).answer() is None


def test_a_cancelled_child_is_stopped_not_waited_for():
    import time

    child = Forked(lambda: time.sleep(5) or "late")
    child.cancel()
    assert os.WIFSIGNALED(child.status)  # killed: a child left to finish would have exited normally
    assert child.answer() is None
