package diary

import "time"

// zoneBerlin is a zone east of UTC, for days that differ from UTC days.
var zoneBerlin = time.FixedZone("CET", 3600)
