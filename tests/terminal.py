"""What a test's child Python runs first when the test sends it Ctrl-C (SIGINT).

A shell starts a command put in the background (`make test &`, a CI runner's script) with
Ctrl-C ignored, and a Python started so leaves it ignored: the child would sleep through the
test's Ctrl-C. First taking Ctrl-C as Python does when started from a terminal makes the
test hear what a person at a terminal would, however the suite was started."""

CTRL_C_AS_FROM_A_TERMINAL = (
    "import signal\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"
)
