"""The HTTP routes, one module per resource; `sync.server.app.create_app` includes them."""
