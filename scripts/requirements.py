"""Print pyproject.toml's dependencies (or an extra's, e.g. `dev`) one a line, for pip -r.

The project is an application, not a package, so it is not built or installed: pip only needs
its dependency list, read here with the standard library.
"""
import sys
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())["project"]
extra = sys.argv[1] if len(sys.argv) > 1 else None
print("\n".join(project["optional-dependencies"][extra] if extra else project["dependencies"]))
