"""The tables of docs/experiments/lc25000.md (December section) from this folder's report/.

    python3 benchmarks/experiment/lc25000-grid/doc_tables.py benchmarks/experiment/lc25000-grid/report

Exact accuracy in %: mean ± sample sd over seeds (each seed in order); paired differences of the
arms' seed means with their 95% paired group-bootstrap CI, as lowmag experiment wrote them to
paired.csv.
"""
import csv, sys
d = sys.argv[1]
rows = list(csv.DictReader(open(d + '/results.csv')))
def cell(arm, mag):
    """The report's own mean and sd over seeds, then each seed's value."""
    mine = [r for r in rows if r['arm'] == arm and r['magnification'] == mag]
    if not mine: return ''
    stat = {r['statistic']: 100 * float(r['exact_accuracy']) for r in mine if r['statistic'] != 'value'}
    seeds = sorted((int(r['seed']), 100 * float(r['exact_accuracy'])) for r in mine if r['statistic'] == 'value')
    return '%.2f ± %.2f (%s)' % (stat['mean'], stat['sd'], ' / '.join('%.2f' % x for _, x in seeds))
print('| magnification | baseline | KD | KD+aux |\n|---|---|---|---|')
print('| 10x (teacher) | %s | | |' % cell('teacher', '10'))
for m in ['2.5', '1.25']:
    print('| %sx | %s | %s | %s |' % (m, cell('baseline', m), cell('kd', m), cell('kd+aux', m)))
print()
print('| resize g of the pixel loss (2.5x) | exact accuracy |\n|---|---|')
for a, n in [('ablation-none', 'none (soft loss only)'), ('ablation-maxpool', 'max-pool'),
             ('ablation-bicubic', 'bicubic'), ('ablation-maxpool+bicubic', 'max-pool + bicubic (the KD arm)')]:
    print('| %s | %s |' % (n, cell(a, '2.5')))
print()
p = list(csv.DictReader(open(d + '/paired.csv')))
print('| comparison | 2.5x | 1.25x |\n|---|---|---|')
for c in ['KD - Baseline', 'KD (aux) - KD', 'KD (aux) - Baseline', 'Baseline - Teacher (10x)', 'KD - Teacher (10x)', 'KD (aux) - Teacher (10x)']:
    out = []
    for m in ['2.5', '1.25']:
        r = [x for x in p if x['comparison'] == c and x['magnification'] == m]
        out.append('%+.2f (%+.2f to %+.2f)' % tuple(100 * float(r[0][k]) for k in
                   ['exact_accuracy_diff', 'exact_accuracy_diff_ci_low', 'exact_accuracy_diff_ci_high']) if r else '')
    print('| %s | %s | %s |' % (c.replace(' - ', ' − ').replace('KD (aux)', 'KD+aux'), *out))
