# The benchmark's view of an app's windows on the X display (python3-xlib):
#   x11.py frames PID SECONDS   frames presented to PID's mapped windows in SECONDS, as the
#                               X server's DAMAGE extension reports them: prints a number,
#                               and with `times` a second line: each frame's second in SECONDS
#   x11.py close PID            asks PID's mapped windows to close, as a window manager's
#                               close button does (WM_DELETE_WINDOW)
#   x11.py keys                 for each line read ("ctrl+alt+u"), presses and releases
#                               those keys through XTEST and prints the time of the press
#                               (epoch milliseconds): a press timed without a program's
#                               start in it, as xdotool's would be
import select
import sys
import time

from Xlib import X, XK, display
from Xlib.ext import damage, xtest
from Xlib.protocol import event


def windows_of(d, pid):
    net_wm_pid = d.intern_atom("_NET_WM_PID")
    found = []
    for window in d.screen().root.query_tree().children:
        prop = window.get_full_property(net_wm_pid, X.AnyPropertyType)
        if prop and prop.value and prop.value[0] == pid and window.get_attributes().map_state == X.IsViewable:
            found.append(window)
    return found


def frames(d, pid, seconds, times=False):
    windows = windows_of(d, pid)
    if not windows:
        sys.exit(f"no mapped window of process {pid}")
    d.damage_query_version()
    # NonEmpty: one event when a window's damage goes from nothing to something; taking the
    # damage away at once re-arms it, so each presented frame is one event.
    handles = [w.damage_create(damage.DamageReportNonEmpty) for w in windows]
    d.sync()
    # What was drawn before the window began is not a frame of the window.
    for h in handles:
        d.damage_subtract(h)
    d.sync()
    while d.pending_events():
        d.next_event()
    seen = []
    begin = time.monotonic()
    end = begin + seconds
    while (left := end - time.monotonic()) > 0:
        if not d.pending_events():
            select.select([d], [], [], left)
        while d.pending_events():
            if d.next_event().type == d.extension_event.DamageNotify:
                seen.append(time.monotonic() - begin)
                for h in handles:
                    d.damage_subtract(h)
                d.flush()
    print(len(seen))
    if times:
        print(" ".join(f"{t:.3f}" for t in seen))


def close(d, pid):
    protocols, delete = d.intern_atom("WM_PROTOCOLS"), d.intern_atom("WM_DELETE_WINDOW")
    windows = windows_of(d, pid)
    if not windows:
        sys.exit(f"no mapped window of process {pid}")
    for window in windows:
        message = event.ClientMessage(window=window, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0]))
        window.send_event(message)
    d.sync()


KEY_NAMES = {"ctrl": "Control_L", "alt": "Alt_L", "shift": "Shift_L", "super": "Super_L"}


def keys(d):
    for line in sys.stdin:
        names = [KEY_NAMES.get(k, k) for k in line.strip().split("+") if k]
        codes = [d.keysym_to_keycode(XK.string_to_keysym(name)) for name in names]
        if not names or 0 in codes:
            sys.exit(f"no key for {line.strip()!r}")
        d.sync()
        pressed = time.time() * 1000
        for code in codes:
            xtest.fake_input(d, X.KeyPress, code)
        d.sync()
        for code in reversed(codes):
            xtest.fake_input(d, X.KeyRelease, code)
        d.sync()
        print(f"{pressed:.3f}", flush=True)


if __name__ == "__main__":
    d = display.Display()
    if sys.argv[1] == "frames":
        frames(d, int(sys.argv[2]), float(sys.argv[3]), sys.argv[4:] == ["times"])
    elif sys.argv[1] == "close":
        close(d, int(sys.argv[2]))
    elif sys.argv[1] == "keys":
        keys(d)
    else:
        sys.exit(__doc__)
