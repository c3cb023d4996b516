package termbg

import (
	"errors"
	"os"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
	"golang.org/x/term"
)

// flushAfter is how long the beginning of a reply is held for its end
// before it is passed on as typing. A terminal writes its reply at once;
// pieces of it come within a read or two.
const flushAfter = 50 * time.Millisecond

// Listener asks the terminal for its background without waiting for the
// answer: it reads the terminal's input itself, takes the replies out,
// and passes the rest on through Input, for the app to read as keys.
// While it runs the terminal is in raw mode, as the app needs it; Close
// puts the terminal back.
type Listener struct {
	// Input is what the person types: the app's input.
	Input *os.File
	// Answer gets whether the background is dark, once, if the terminal
	// says its colour; it is closed when no answer can come any more.
	Answer <-chan bool

	fd       int         // the terminal, read here
	state    *term.State // its mode before raw mode
	typed    *os.File    // the write end of Input
	stop     *os.File    // closed by Close: the reader stops
	stopRead *os.File    // its read end, watched by the reader
	stopped  chan struct{}
	once     sync.Once
}

// Listen puts the terminal in (input; standard output is out) in raw
// mode, asks for the background colour and starts reading. The caller
// must Close the Listener on every way out, signals and panics included,
// to give the person their terminal back.
func Listen(in, out *os.File) (*Listener, error) {
	fd := int(in.Fd())
	state, err := term.MakeRaw(fd)
	if err != nil {
		return nil, err
	}
	l := &Listener{fd: fd, state: state, stopped: make(chan struct{})}
	if err := l.open(); err != nil {
		term.Restore(fd, state)
		return nil, err
	}
	answer := make(chan bool, 1)
	l.Answer = answer
	if _, err := out.WriteString(queries); err != nil {
		l.Close()
		return nil, err
	}
	go l.read(answer)
	return l, nil
}

// open makes the pipes: Input and its write end, and the stop signal.
func (l *Listener) open() error {
	input, typed, err := os.Pipe()
	if err != nil {
		return err
	}
	stopRead, stop, err := os.Pipe()
	if err != nil {
		input.Close()
		typed.Close()
		return err
	}
	l.Input, l.typed, l.stop, l.stopRead = input, typed, stop, stopRead
	return nil
}

// Close stops reading the terminal and puts it back in the mode it was
// in. It may be called more than once.
func (l *Listener) Close() error {
	var err error
	l.once.Do(func() {
		l.stop.Close()  // the reader sees the stop pipe end…
		l.Input.Close() // …or, were it writing to a full Input, its end
		<-l.stopped
		l.typed.Close()
		l.stopRead.Close()
		err = term.Restore(l.fd, l.state)
	})
	return err
}

// read passes what the person types on to Input and the colour to
// answer, until Close or the terminal's end.
func (l *Listener) read(answer chan<- bool) {
	defer close(l.stopped)
	defer close(answer)
	var replies replyFilter
	asked := true // until the colour or a DA1 reply comes
	buf := make([]byte, 4096)
	for {
		ready, err := l.wait(replies.holding())
		if err != nil {
			return
		}
		if !ready { // a reply's beginning, and no end in time
			if !l.pass(replies.flush()) {
				return
			}
			continue
		}
		n, err := syscall.Read(l.fd, buf)
		if errors.Is(err, syscall.EINTR) || errors.Is(err, syscall.EAGAIN) {
			continue
		}
		if err != nil || n == 0 {
			return
		}
		got := replies.feed(buf[:n])
		if got.background != "" && asked {
			answer <- isDark(got.background)
		}
		if got.background != "" || got.devices {
			asked = false
		}
		if !l.pass(got.typed) {
			return
		}
	}
}

// wait waits for the terminal to have something to read, or Close: ready
// is false when held bytes waited flushAfter in vain. err ends reading.
func (l *Listener) wait(holding bool) (ready bool, err error) {
	timeout := -1
	if holding {
		timeout = int(flushAfter / time.Millisecond)
	}
	fds := []unix.PollFd{{Fd: int32(l.fd), Events: unix.POLLIN}, {Fd: int32(l.stopRead.Fd()), Events: unix.POLLIN}}
	for {
		n, err := unix.Poll(fds, timeout)
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		switch {
		case err != nil:
			return false, err
		case fds[1].Revents != 0:
			return false, errClosed
		case n == 0:
			return false, nil
		case fds[0].Revents&unix.POLLIN == 0:
			return false, errClosed // the terminal hung up
		}
		return true, nil
	}
}

// pass hands typing on to Input; false when no one reads it any more.
func (l *Listener) pass(typed []byte) bool {
	if len(typed) == 0 {
		return true
	}
	_, err := l.typed.Write(typed)
	return err == nil
}

var errClosed = errors.New("stopped reading the terminal")
