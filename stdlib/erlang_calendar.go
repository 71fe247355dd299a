package stdlib

import (
	"time"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Calendar time: date/0, time/0, localtime/0, universaltime/0,
// localtime_to_universaltime/1,2 and universaltime_to_localtime/1. Local
// time is the host's (TZ), as OTP takes it from the C library.

func registerErlangCalendar(rt *vm.Runtime) {
	erlRegisterAll(rt, "erlang", []erlNative{
		{"date", 0, func(p *vm.Process, _ []term.Term) term.Term { return erlDateTerm(p, time.Now()) }},
		{"time", 0, func(p *vm.Process, _ []term.Term) term.Term { return erlTimeTerm(p, time.Now()) }},
		{"localtime", 0, func(p *vm.Process, _ []term.Term) term.Term { return erlDateTime(p, time.Now()) }},
		{"universaltime", 0, func(p *vm.Process, _ []term.Term) term.Term { return erlDateTime(p, time.Now().UTC()) }},
		{"localtime_to_universaltime", 1, func(p *vm.Process, a []term.Term) term.Term {
			return erlLocalToUniversal(p, a[0], term.AtomUndefined)
		}},
		{"localtime_to_universaltime", 2, func(p *vm.Process, a []term.Term) term.Term {
			return erlLocalToUniversal(p, a[0], a[1])
		}},
		{"universaltime_to_localtime", 1, eUniversalToLocal},
	})
}

// erlDateTerm builds {Year, Month, Day} of t.
func erlDateTerm(p *vm.Process, t time.Time) term.Term {
	y, m, d := t.Date()
	return p.Heap.Tuple(p.Heap.Int(int64(y)), term.MakeSmall(int64(m)), term.MakeSmall(int64(d)))
}

// erlTimeTerm builds {Hour, Minute, Second} of t.
func erlTimeTerm(p *vm.Process, t time.Time) term.Term {
	h, m, s := t.Clock()
	return p.Heap.Tuple(term.MakeSmall(int64(h)), term.MakeSmall(int64(m)), term.MakeSmall(int64(s)))
}

// erlDateTime builds {{Year, Month, Day}, {Hour, Minute, Second}} of t.
func erlDateTime(p *vm.Process, t time.Time) term.Term {
	return p.Heap.Tuple(erlDateTerm(p, t), erlTimeTerm(p, t))
}

// erlMinCalendarYear is the earliest year the local time conversions
// accept, as in OTP.
const erlMinCalendarYear = 1902

// erlParseDateTime reads {{Y, Mo, D}, {H, Mi, S}}: a valid date from year
// 1902 on and a time of day without leap seconds, as a time in loc.
func erlParseDateTime(env *term.Env, t term.Term, loc *time.Location) (time.Time, bool) {
	if !env.IsTuple(t) || env.TupleArity(t) != 2 {
		return time.Time{}, false
	}
	var v [6]int64
	for i, part := range []term.Term{env.Elem(t, 0), env.Elem(t, 1)} {
		if !env.IsTuple(part) || env.TupleArity(part) != 3 {
			return time.Time{}, false
		}
		for j := 0; j < 3; j++ {
			x := env.Elem(part, j)
			if !x.IsSmall() {
				return time.Time{}, false
			}
			v[3*i+j] = x.Small()
		}
	}
	y, mo, d, h, mi, s := v[0], v[1], v[2], v[3], v[4], v[5]
	if y < erlMinCalendarYear || y > 1<<31 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 ||
		mi < 0 || mi > 59 || s < 0 || s > 59 {
		return time.Time{}, false
	}
	tm := time.Date(int(y), time.Month(mo), int(d), int(h), int(mi), int(s), 0, loc)
	if tm.Day() != int(d) { // the day does not exist in that month
		return time.Time{}, false
	}
	return tm, true
}

// erlLocalToUniversal is localtime_to_universaltime(Local, IsDst). IsDst
// true or false says whether Local is daylight saving time, as C's mktime
// hint: a time given as DST when the zone is not in DST then is taken to
// be an hour earlier in standard time, and the reverse.
func erlLocalToUniversal(p *vm.Process, local, dst term.Term) term.Term {
	env := p.Env()
	if dst != term.AtomTrue && dst != term.AtomFalse && dst != term.AtomUndefined {
		return p.BadArg()
	}
	t, ok := erlParseDateTime(env, local, time.Local)
	if !ok {
		return p.BadArg()
	}
	switch {
	case dst == term.AtomTrue && !t.IsDST():
		t = t.Add(-time.Hour)
	case dst == term.AtomFalse && t.IsDST():
		t = t.Add(time.Hour)
	}
	return erlDateTime(p, t.UTC())
}

func eUniversalToLocal(p *vm.Process, a []term.Term) term.Term {
	t, ok := erlParseDateTime(p.Env(), a[0], time.UTC)
	if !ok {
		return p.BadArg()
	}
	return erlDateTime(p, t.Local())
}
