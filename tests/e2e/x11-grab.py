# Holds a key combination on the X display, as another app's global hotkey would, until
# killed: `python3 x11-grab.py k` grabs Ctrl+Alt+K. Prints "grabbed" once it holds it.
import ctypes
import signal
import sys

x11 = ctypes.cdll.LoadLibrary("libX11.so.6")
x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x11.XDefaultRootWindow.restype = ctypes.c_ulong
x11.XStringToKeysym.restype = ctypes.c_ulong
x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
x11.XKeysymToKeycode.restype = ctypes.c_ubyte
x11.XGrabKey.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_int]
x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]

display = x11.XOpenDisplay(None)
if not display:
    sys.exit("no X display")
root = x11.XDefaultRootWindow(display)
keycode = x11.XKeysymToKeycode(display, x11.XStringToKeysym(sys.argv[1].encode()))
CONTROL, ALT, LOCK, NUM_LOCK = 1 << 2, 1 << 3, 1 << 1, 1 << 4
for extra in (0, LOCK, NUM_LOCK, LOCK | NUM_LOCK):
    x11.XGrabKey(display, keycode, CONTROL | ALT | extra, root, 1, 1, 1)
x11.XSync(display, 0)
print("grabbed", flush=True)
signal.sigwait({signal.SIGTERM, signal.SIGINT})
