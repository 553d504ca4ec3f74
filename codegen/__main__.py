"""``python -m codegen [--check]``: regenerate (or verify) hazelcast/protocol/codec/."""
import sys

from codegen.generate import main

sys.exit(main(sys.argv[1:]))
