"""The committed corpus equals what tools/build_corpus.py makes from the spec facts."""

import filecmp
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT.parent / "shared" / "spec"


@pytest.mark.skipif(not SPEC.is_dir(), reason="shared/spec is not beside this checkout")
def test_generated_corpus_is_current(tmp_path):
    script = (ROOT / "tools" / "build_corpus.py").read_text(encoding="utf-8")
    copy = tmp_path / "tools" / "build_corpus.py"
    copy.parent.mkdir()
    copy.write_text(script, encoding="utf-8")
    bronnen = "regelbronnen.yaml"  # our own classification of the rules, read by the script (bron, toelichting)
    (copy.parent / bronnen).write_text((ROOT / "tools" / bronnen).read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run([sys.executable, str(copy), "--spec", str(SPEC)], check=True, capture_output=True)
    for folder in ("schemas/iwmo/3.2", "schemas/ijw/3.2", "berichten", "codelijsten", "regels"):
        fresh, committed = tmp_path / "corpus" / folder, ROOT / "corpus" / folder
        names = sorted(p.name for p in fresh.iterdir())
        assert names, folder
        match, mismatch, errors = filecmp.cmpfiles(fresh, committed, names, shallow=False)
        assert not mismatch and not errors, (folder, mismatch, errors)
