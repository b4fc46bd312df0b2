"""Extraction's memory follows a bounded piece of work, not the batch of texts it reads."""

from __future__ import annotations

import subprocess
import sys

# A fresh process (the test process holds other models): load, then measure the peak RSS
# of one extraction over what the process held before it (Linux's VmHWM, reset through
# clear_refs), in MiB.
_MEASURE = """
import sys
from datetime import date
from bilan.extract import Extractor

def mib(field):
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) // 1024 for line in status if line.startswith(field))

extractor = Extractor("fr")
extractor.extract("Trois civils ont été tués lundi à Alep.", date(2013, 12, 23))
text = sys.stdin.read()
with open("/proc/self/clear_refs", "w") as refs:
    refs.write("5")
before = mib("VmRSS")
claims = extractor.extract(text, date(2013, 12, 23))
print(len(claims), mib("VmHWM") - before)
"""


def test_a_line_dense_with_claims_is_tagged_a_bounded_piece_at_a_time():
    # One run-on sentence, cut into 64 pieces of 2,000 characters that all hold a cue: read
    # at once, the model took 470 MB for them.
    clauses = [f"les raids ont tué {number} personnes à Alep et " for number in range(3_100)]
    text = "".join(clauses)
    assert len(text) > 64 * 2_000
    answer = subprocess.run([sys.executable, "-c", _MEASURE], input=text, text=True,
                            capture_output=True, check=True)
    claims, peak = map(int, answer.stdout.split())
    assert claims > 3_000  # a few clauses are cut where a piece ends
    assert peak < 150
