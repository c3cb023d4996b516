package demodata

import (
	"math"
	"math/rand/v2"
	"slices"

	"lumbar/store/diary"
)

// Notes people jot down now and then.
var notes = []string{
	"long drive to see family",
	"gardening all afternoon",
	"new office chair arrived",
	"carried the shopping up the stairs",
	"slept on the sofa",
	"good walk by the river",
	"stiff after the flight",
	"physio said keep moving",
	"deadline week, lots of sitting",
	"yoga class, went easy",
}

var medications = []string{"ibuprofen 400 mg", "paracetamol 1 g", "naproxen 250 mg"}

var massageKinds = []string{"massage-swedish", "massage-deep-tissue", "massage-trigger-point", "massage-myofascial"}

// describe fills in the optional details the way a person with on-and-off
// sciatica would: mostly the centre of the back, the left leg in flare
// months, heat and medication on bad days, walks on better ones, a
// massage every couple of weeks, sleep noted with the first entry.
func describe(p *diary.PainEntry, dayIndex diary.Day, firstOfDay bool, rng *rand.Rand) {
	sciatica := math.Sin(float64(dayIndex)/90) > 0.55
	p.Where = where(sciatica, rng)
	p.Feels = feels(p.Pain, p.Local().Hour(), sciatica, rng)
	if sciatica {
		leg := max(0, min(10, p.Pain-1+rng.IntN(3)))
		p.LegPain = &leg
	}
	if rng.IntN(2) == 0 {
		p.Triggers = []string{pick(rng, "sitting", "sitting", "sitting", "lifting", "bending", "sleep-position", "stress", "standing")}
	}
	p.Helped = helpedWith(p.Pain, dayIndex, rng)
	if len(p.Helped) > 0 {
		p.Relief = pick(rng, "a-little", "some", "some", "a-lot")
	}
	if slices.Contains(p.Helped, "medication") {
		p.Medication = pick(rng, medications...)
	}
	if rng.IntN(10) < 7 {
		impact := max(0, min(10, p.Pain-1+rng.IntN(3)))
		p.Interference = &impact
	}
	if firstOfDay && rng.IntN(10) < 7 {
		p.Sleep = sleep(p.Pain, rng)
	}
	if rng.IntN(12) == 0 {
		p.Note = pick(rng, notes...)
	}
}

func where(sciatica bool, rng *rand.Rand) []string {
	areas := []string{"back-centre"}
	if rng.IntN(5) < 2 {
		areas = append(areas, "back-left")
	}
	if sciatica {
		areas = append(areas, "buttock-left", "leg-left")
		if rng.IntN(3) == 0 {
			areas = append(areas, "below-knee")
		}
	}
	return areas
}

func feels(pain, hour int, sciatica bool, rng *rand.Rand) []string {
	out := []string{"dull-ache"}
	if hour < 11 && rng.IntN(2) == 0 {
		out = append(out, "stiffness")
	}
	if pain >= 6 {
		out = append(out, "sharp")
	}
	if sciatica {
		out = append(out, pick(rng, "tingling", "shooting", "burning"))
	}
	return out
}

// helpedWith leans the way people do: heat, rest and pills when it is
// bad, a walk when it is better. (So the insights show days with heat as
// worse days: what happens together, not what causes what.)
func helpedWith(pain int, dayIndex diary.Day, rng *rand.Rand) []string {
	var out []string
	chance := func(percent int) bool { return rng.IntN(100) < percent }
	if chance(30) {
		out = append(out, "stretching")
	}
	if pain >= 5 && chance(60) || chance(10) {
		out = append(out, "heat")
	}
	if pain <= 4 && chance(55) || chance(10) {
		out = append(out, "walking")
	}
	if pain >= 6 && chance(50) {
		out = append(out, "rest")
	}
	if pain >= 6 && chance(45) {
		out = append(out, "medication")
	}
	if dayIndex%14 == 3 {
		out = append(out, massageKinds[int(dayIndex/14)%len(massageKinds)])
	}
	return out
}

func sleep(pain int, rng *rand.Rand) string {
	switch r := rng.IntN(10) + pain; {
	case r >= 12:
		return "poor"
	case r >= 7:
		return "fair"
	}
	return "good"
}

func pick(rng *rand.Rand, options ...string) string { return options[rng.IntN(len(options))] }
