#!/usr/bin/env python3
"""Writes a household import file (one row per person) for `bench/run.sh`: N households spread
over the given village codes, about five people each, with PSC scores and WG answers."""
import random
import sys

n = int(sys.argv[1])
villages = sys.argv[2].split(",")
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
cols = ["household_code", "area_code", "head_name", "head_father_name", "phone", "national_id",
        "psc_score", "psc_date", "psc_source", "person_name", "sex", "age", "relation",
        "wg_seeing", "wg_hearing", "wg_mobility", "wg_cognition", "wg_self_care",
        "wg_communication", "displacement"]
out = sys.stdout
out.write(",".join(cols) + "\n")
names = ["Amina", "Gul", "Sher", "Zarina", "Noor", "Rahim", "Fatima", "Karim", "Nazia", "Wali"]
for h in range(n):
    code = f"IMP{sys.argv[3] if len(sys.argv) > 3 else ''}-{h:07d}"
    village = villages[h % len(villages)]
    head = f"{rng.choice(names)} {rng.choice(names)}khan"
    father = f"{rng.choice(names)} {rng.choice(names)}"
    score = f"{min(100, max(0, rng.gauss(24, 11))):.2f}"
    nid = "".join(rng.choice("0123456789") for _ in range(13))
    people = [("head", head, "f" if rng.random() < 0.15 else "m", rng.randint(22, 70))]
    for _ in range(rng.randint(2, 6)):
        sex = rng.choice("fm")
        people.append(("daughter" if sex == "f" else "son", f"{rng.choice(names)} {h}", sex, rng.randint(0, 30)))
    for i, (relation, name, sex, age) in enumerate(people):
        wg = ["1"] * 6
        if rng.random() < 0.05:
            wg[rng.randrange(6)] = "3"
        first = i == 0
        row = [code, village if first else "", head if first else "", father if first else "",
               f"03{rng.randint(100000000, 999999999)}" if first else "", nid if first else "",
               score if first else "", "2024-03-01" if first else "", "NSER" if first else "",
               name, sex, str(age), relation, *wg, "host"]
        out.write(",".join(row) + "\n")
