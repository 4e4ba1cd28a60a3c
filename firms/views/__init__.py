"""Views of the firms app: auth (login, invitations), workspace (staff), client (/c/<code>)."""
