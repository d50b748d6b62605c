# Subsets DejaVu Sans 2.37 (Book, Bold) to the characters a plan summary prints and renames it
# "OsseoPlan Sans" (README.md). Usage: python3 make-fonts.py OUT_DIR
import sys
from fontTools import subset
from fontTools.ttLib import TTFont
UNICODES = "U+0020-007E,U+00A0-024F,U+0370-03FF,U+2000-206F,U+2070-209F,U+20A0-20CF,U+2100-218F,U+2190-21FF,U+2200-22FF,U+2300,U+25A0-25FF,U+FFFD"
for src, style, out in [('DejaVuSans.ttf', 'Regular', 'osseoplan-sans-400.woff2'), ('DejaVuSans-Bold.ttf', 'Bold', 'osseoplan-sans-700.woff2')]:
    font = TTFont('/usr/share/fonts/truetype/dejavu/' + src)
    opts = subset.Options()
    opts.hinting = False
    opts.flavor = 'woff2'
    opts.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    s = subset.Subsetter(opts)
    s.populate(unicodes=subset.parse_unicodes(UNICODES))
    s.subset(font)
    name = font['name']
    full = 'OsseoPlan Sans' + ('' if style == 'Regular' else ' Bold')
    ps = 'OsseoPlanSans' + ('' if style == 'Regular' else '-Bold')
    for rec in list(name.names):
        if rec.nameID in (1, 16): name.setName('OsseoPlan Sans', rec.nameID, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID in (2, 17): name.setName(style, rec.nameID, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID == 3: name.setName(f'OsseoPlan Sans {style}: subset of DejaVu Sans 2.37', 3, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID == 4: name.setName(full, 4, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID == 6: name.setName(ps, 6, rec.platformID, rec.platEncID, rec.langID)
    font.flavor = 'woff2'
    font.save(sys.argv[1] + '/' + out)
