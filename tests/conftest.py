import os

# Qt aborts without a display unless told to render offscreen (platform.md).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Argon2id at its production cost makes every unlock ~0.3 s; tests use the
# cheap parameters (the store refuses these outside tests, see store/crypto.py).
os.environ.setdefault("FIELDAPP_TEST_FAST_KDF", "1")
