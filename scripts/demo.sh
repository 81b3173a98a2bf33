#!/bin/sh
# demo.sh: installs what is missing, builds jx and runs it on the examples bundled in examples/.
set -eu
cd "$(dirname "$0")/.."
scripts/deps.sh build
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target jx >/dev/null
set -x
build/jx import --format text examples/qingshan-2025-targets.txt examples/qingshan-2025.json
# The examples hold deliberate mistakes: jx check exits 1 when it finds errors.
build/jx check examples/qingshan-2025.json examples/qingshan-2025-targets.txt || [ $? -eq 1 ]
build/jx value '≥95%' '≤30.41万元' '16000元/人' '2024年12月31日前' '有效提高'
# Year-end self-evaluation from an actuals file, and mid-year monitoring with traffic lights.
build/jx eval examples/qingshan-2025.json examples/qingshan-2025-actuals.json
build/jx monitor --as-of 2025-06-30 examples/qingshan-2025.json examples/qingshan-2025-midyear.json
# Publish the standard tables again (printable HTML with charts, and a workbook), and keep the packages in a store.
build/jx render -o build/demo-tables.html examples/qingshan-2025.json
build/jx render --format xlsx -o build/demo-tables.xlsx examples/qingshan-2025.json
build/jx db --db build/demo.db import examples/qingshan-2025.json examples/qingshan-2025-targets.txt
build/jx db --db build/demo.db ls
# Score a stored package and keep its scores in the store.
build/jx eval --db build/demo.db 青山县残疾人联合会:2025 examples/qingshan-2025-actuals.json >/dev/null
build/jx db --db build/demo.db scores
