#!/usr/bin/python3
"""What a screen reader reads: the AT-SPI tree (the one Orca uses) of the application whose
process ID is given, printed as JSON lines {role, name, description, text, states} for
every node, web content included (scrolled out of view too: a screen reader reads those) (text: what its Text interface holds, objects
inside it left out). Used by tests/e2e/a11y.test.mjs."""
import json
import sys

import pyatspi

MAX_NODES = 20000


def app_for(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def text_of(node):
    try:
        text = node.queryText()
        return text.getText(0, min(text.characterCount, 2000)).replace("\ufffc", "").strip()
    except Exception:
        return ""


def walk(root):
    seen = 0
    stack = [root]
    while stack and seen < MAX_NODES:
        node = stack.pop()
        if node is None:
            continue
        seen += 1
        try:
            states = node.getState()
            print(json.dumps({
                "role": node.getRoleName(),
                "name": node.name or "",
                "description": node.description or "",
                "text": text_of(node),
                "states": sorted(pyatspi.stateToString(s) for s in states.getStates()),
            }, ensure_ascii=False))
            children = [node.getChildAtIndex(i) for i in range(node.childCount)]
        except Exception:
            continue
        stack.extend(reversed(children))


def main():
    pid = int(sys.argv[1])
    app = app_for(pid)
    if app is None:
        print(f"no accessible application with process ID {pid}", file=sys.stderr)
        sys.exit(1)
    walk(app)


main()
