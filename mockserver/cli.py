"""``ketenproef serve``: placeholder registration until the server lands."""


def register(sub) -> None:
    p = sub.add_parser("serve", help="run the ketenpartner (mock gemeente or aanbieder)")
    p.set_defaults(func=lambda args: 2)
