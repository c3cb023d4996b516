package termbg

import "bytes"

// The queries: the background colour (OSC 11), then the primary device
// attributes (DA1), which virtually every terminal answers, and answers
// in order: a DA1 reply that comes without an OSC 11 reply before it says
// the colour will not come.
const (
	backgroundQuery = "\x1b]11;?\x1b\\"
	deviceQuery     = "\x1b[c"
	queries         = backgroundQuery + deviceQuery
)

// The replies' beginnings: ESC ] 11 ; … ended by BEL or ESC \, and
// ESC [ ? … c. No key a person presses sends either.
var (
	backgroundReply = []byte("\x1b]11;")
	deviceReply     = []byte("\x1b[?")
)

// longestReply bounds what replyFilter holds back waiting for a reply's
// end: more than any terminal's answer, so a stray beginning (a key that
// happens to send ESC ] 1) is passed on rather than kept.
const longestReply = 128

// replyFilter takes the terminal's replies out of what is read from it,
// so only what the person typed reaches the app: the replies are never
// taken for keys, however late they come.
type replyFilter struct {
	held []byte // the beginning of a reply, waiting for its end
}

// filtered is what one read gave, once the replies are taken out.
type filtered struct {
	typed      []byte // everything else, in order
	background string // the colour the terminal answered, "#rrggbb"; "" for none
	devices    bool   // a DA1 reply came: no colour reply comes after it
}

// feed filters what was just read. The beginning of a reply at its end is
// held until the rest comes (a terminal's reply may arrive in pieces), or
// until flush.
func (f *replyFilter) feed(read []byte) filtered {
	in := append(f.held, read...)
	f.held = nil
	var out filtered
	for len(in) > 0 {
		at := bytes.IndexByte(in, '\x1b')
		if at < 0 {
			out.typed = append(out.typed, in...)
			break
		}
		out.typed = append(out.typed, in[:at]...)
		in = in[at:]
		n, complete := replyLength(in)
		switch {
		case n == 0: // not a reply: the ESC is typing
			out.typed = append(out.typed, in[0])
			in = in[1:]
		case !complete:
			f.held = append([]byte(nil), in...)
			in = nil
		default:
			if bytes.HasPrefix(in, deviceReply) {
				out.devices = true
			} else if bg, err := background(in[:n]); err == nil && out.background == "" {
				out.background = bg
			}
			in = in[n:]
		}
	}
	return out
}

// flush gives back what is held: a reply's beginning whose end did not
// come in time was typing after all.
func (f *replyFilter) flush() []byte {
	held := f.held
	f.held = nil
	return held
}

// holding tells whether a reply's beginning waits for its end.
func (f *replyFilter) holding() bool { return len(f.held) > 0 }

// replyLength is the length of the reply at the start of in, which starts
// with ESC: 0 when it is not one, and whether its end has come. A
// beginning too short to tell (ESC, ESC ], ESC [) is not held: it is the
// escape key, or alt with ] or [, which must not wait.
func replyLength(in []byte) (n int, complete bool) {
	switch {
	case bytes.HasPrefix(in, backgroundReply):
		return stringEnd(in, len(backgroundReply))
	case bytes.HasPrefix(in, deviceReply):
		return deviceEnd(in, len(deviceReply))
	case len(in) >= 3 && (bytes.HasPrefix(backgroundReply, in) || bytes.HasPrefix(deviceReply, in)):
		return len(in), false // all there is so far is a beginning
	}
	return 0, false
}

// stringEnd finds the end of an OSC string that starts in in before from:
// BEL, or ESC \.
func stringEnd(in []byte, from int) (int, bool) {
	for i := from; i < len(in) && i < longestReply; i++ {
		switch {
		case in[i] == '\a':
			return i + 1, true
		case in[i] == '\x1b' && i+1 < len(in):
			if in[i+1] != '\\' {
				return 0, false // another sequence began: this was not a reply
			}
			return i + 2, true
		}
	}
	if len(in) >= longestReply {
		return 0, false
	}
	return len(in), false
}

// deviceEnd finds the end of a DA1 reply, ESC [ ? digits and ; then c.
// Any other ending is another sequence, passed on as it is.
func deviceEnd(in []byte, from int) (int, bool) {
	for i := from; i < len(in); i++ {
		switch c := in[i]; {
		case c >= '0' && c <= '9' || c == ';':
		case c == 'c':
			return i + 1, true
		default:
			return 0, false
		}
	}
	if len(in) >= longestReply {
		return 0, false
	}
	return len(in), false
}
