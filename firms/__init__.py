"""Relocation firms and employers: a workspace and an API for shared checklist links.

A small app of its own rather than part of ``guides``: it has its own users (firm staff, who are
not portal editors and never see the Wagtail admin), its own credentials (API tokens, stored
hashed), its own abuse controls (rate limits, login throttling) and audit log, and its own
retention rule (links are deleted a set time after they expire). ``guides`` stays a pure
checklist: this app reads it (the situation parser, the engine, the result templates) through
one adapter, ``firms.checklist``, and ``guides`` never imports ``firms``.
"""
