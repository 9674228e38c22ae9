"""The web page for fact-checkers: plain HTML, CSS and JavaScript in `static/`, no build step.

A package (rather than a bare folder) so `importlib.resources` finds the files in a wheel as in a
checkout; `service.api.routes.page` serves them. The page talks only to this service's own
`/v1/check` and `/v1/figures`; everything it shows is built from their JSON in the browser.
"""
