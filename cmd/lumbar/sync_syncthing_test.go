package main

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"text/template"
	"time"
)

// Syncthing carries the folder between two computers, each with its own
// Syncthing on this machine: what one logs reaches the other, and what
// the other deletes goes on the first.
func TestEndToEndSyncThroughSyncthing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two Syncthing instances")
	}
	needCommand(t, "syncthing")
	deadline := time.Now().Add(syncthingDeadline)
	cs := newComputers(t, "work", "home")
	work, home := cs[0], cs[1]
	workST, homeST := startSyncthingPair(t, deadline)

	work.lumbar("log", "6", "--note", "sat through the meeting")
	work.sync(workST.folder)
	carry(t, workST, homeST, deadline)
	home.syncTakesIn(homeST.folder, "1 change")
	logged := home.entryNoted("sat through the meeting")
	if logged == nil || logged.Pain != 6 {
		t.Fatalf("the entry logged at work is not at home: %+v", logged)
	}

	home.lumbar("delete", logged.ShortID)
	home.sync(homeST.folder)
	carry(t, homeST, workST, deadline)
	work.syncTakesIn(workST.folder, "1 change")
	if e := work.entryNoted("sat through the meeting"); e != nil {
		t.Errorf("the entry deleted at home is still at work: %+v", e)
	}
	sameDiary(t, work, home)
}

// syncthingDeadline bounds the whole test's waiting on Syncthing: on this
// machine two instances connect and carry a change in a few seconds.
const syncthingDeadline = 3 * time.Minute

// needCommand fails (never skips) the test when name is not installed.
func needCommand(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("this test needs %s and it is not on the PATH: apt-get install %s (Debian; .ci/run installs it when missing)", name, name)
	}
}

// syncthing is one Syncthing instance, bound to 127.0.0.1 only, sharing
// folder with the other instance of its pair.
type syncthing struct {
	t       *testing.T
	name    string
	home    string // its configuration, keys and index
	folder  string // the folder it shares
	id      string // its device ID
	gui     string // host:port of its REST API
	listen  string // host:port it takes connections on
	apiKey  string
	printed *lockedBuffer // what it printed
	events  int           // the last event it reported
}

// syncthingFolderID is the shared folder's ID in both instances.
const syncthingFolderID = "lumbar-diary"

// startSyncthingPair starts two instances that know each other and share
// a folder, and waits until they are connected. Both are killed when the
// test ends.
func startSyncthingPair(t *testing.T, deadline time.Time) (*syncthing, *syncthing) {
	t.Helper()
	pair := []*syncthing{newSyncthing(t, "work"), newSyncthing(t, "home")}
	for i, st := range pair {
		st.writeConfig(pair[1-i])
	}
	for _, st := range pair {
		st.start()
	}
	for i, st := range pair {
		other := pair[1-i]
		st.waitUntil(deadline, "connected to "+other.name, func() (bool, string) {
			var conns struct {
				Connections map[string]struct{ Connected bool }
			}
			st.get("/rest/system/connections", &conns)
			return conns.Connections[other.id].Connected, fmt.Sprint(conns.Connections)
		}, other)
	}
	return pair[0], pair[1]
}

// newSyncthing makes an instance's keys and picks its ports.
func newSyncthing(t *testing.T, name string) *syncthing {
	t.Helper()
	st := &syncthing{
		t: t, name: name, home: t.TempDir(), folder: t.TempDir(),
		gui: freeAddress(t), listen: freeAddress(t), apiKey: rand.Text(),
		printed: &lockedBuffer{},
	}
	st.run("generate", "--home", st.home, "--no-default-folder", "--skip-port-probing")
	st.id = strings.TrimSpace(st.run("serve", "--home", st.home, "--device-id"))
	// Syncthing shares only a folder with its marker in: one it did not
	// make itself might be a missing disk's mount point.
	if err := os.Mkdir(filepath.Join(st.folder, ".stfolder"), 0o700); err != nil {
		t.Fatal(err)
	}
	return st
}

// freeAddress is a TCP address on 127.0.0.1 nothing listens on now.
func freeAddress(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// run runs syncthing args to its end and returns what it printed.
func (st *syncthing) run(args ...string) string {
	st.t.Helper()
	cmd := exec.Command("syncthing", args...)
	cmd.Env = st.env()
	out, err := cmd.Output()
	if err != nil {
		st.t.Fatalf("syncthing %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// env keeps Syncthing out of the home folder of whoever runs the test.
func (st *syncthing) env() []string {
	return append(os.Environ(), "HOME="+st.home)
}

// syncthingConfig is an instance's whole configuration: everything that
// would reach beyond this machine (discovery, relays, NAT traversal, usage
// and crash reports, upgrades) is off, and each instance dials the other
// at its address.
var syncthingConfig = template.Must(template.New("config.xml").Parse(`<configuration version="36">
    <folder id="{{.FolderID}}" label="lumbar" path="{{.Me.Folder}}" type="sendreceive" rescanIntervalS="0" fsWatcherEnabled="false" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        <device id="{{.Me.ID}}"></device>
        <device id="{{.Other.ID}}"></device>
        <maxConflicts>10</maxConflicts>
        <markerName>.stfolder</markerName>
    </folder>
    <device id="{{.Me.ID}}" name="{{.Me.Name}}" compression="metadata">
        <address>dynamic</address>
    </device>
    <device id="{{.Other.ID}}" name="{{.Other.Name}}" compression="metadata">
        <address>tcp://{{.Other.Listen}}</address>
    </device>
    <gui enabled="true" tls="false">
        <address>{{.Me.GUI}}</address>
        <apikey>{{.Me.APIKey}}</apikey>
    </gui>
    <options>
        <listenAddress>tcp://{{.Me.Listen}}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <stunKeepaliveStartS>0</stunKeepaliveStartS>
        <announceLANAddresses>false</announceLANAddresses>
        <urAccepted>-1</urAccepted>
        <crashReportingEnabled>false</crashReportingEnabled>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <startBrowser>false</startBrowser>
        <reconnectionIntervalS>1</reconnectionIntervalS>
        <setLowPriority>false</setLowPriority>
    </options>
</configuration>
`))

type syncthingSide struct{ Name, ID, Folder, GUI, Listen, APIKey string }

func (st *syncthing) side() syncthingSide {
	return syncthingSide{st.name, st.id, st.folder, st.gui, st.listen, st.apiKey}
}

// writeConfig replaces the configuration generate wrote with one that
// shares the folder with other.
func (st *syncthing) writeConfig(other *syncthing) {
	st.t.Helper()
	var config bytes.Buffer
	err := syncthingConfig.Execute(&config, struct {
		FolderID  string
		Me, Other syncthingSide
	}{syncthingFolderID, st.side(), other.side()})
	if err == nil {
		err = os.WriteFile(filepath.Join(st.home, "config.xml"), config.Bytes(), 0o600)
	}
	if err != nil {
		st.t.Fatal(err)
	}
}

// start starts the instance, to be stopped when the test ends.
func (st *syncthing) start() {
	st.t.Helper()
	cmd := exec.Command("syncthing", "serve", "--home", st.home, "--no-browser", "--no-restart", "--no-upgrade")
	cmd.Env = st.env()
	cmd.Stdout, cmd.Stderr = st.printed, st.printed
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		st.t.Fatalf("starting syncthing: %v", err)
	}
	st.t.Cleanup(func() { stopSyncthing(cmd) })
}

// stopSyncthing stops an instance and waits for it. syncthing serve runs
// the instance as the child of a monitor process (even with
// --no-restart): asked to stop, the monitor stops its child and waits for
// it; killed, it would leave the child running. Whatever of the process
// group has not stopped within a while is killed.
func stopSyncthing(cmd *exec.Cmd) {
	exited := make(chan struct{})
	go func() {
		cmd.Wait()
		close(exited)
	}()
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
	}
	syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	<-exited
}

// get reads the REST API's answer at path into v; ok is false when the
// API does not answer (yet).
func (st *syncthing) get(path string, v any) (ok bool) {
	return st.call(http.MethodGet, path, v) == http.StatusOK
}

// call calls the REST API and reads its answer into v (when not nil). It
// returns the answer's status: 0 when the API does not answer (yet), or
// 404 (which /rest/db/file answers for a file not in the index); any
// other error fails the test.
func (st *syncthing) call(method, path string, v any) (status int) {
	st.t.Helper()
	req, err := http.NewRequest(method, "http://"+st.gui+path, nil)
	if err != nil {
		st.t.Fatal(err)
	}
	req.Header.Set("X-API-Key", st.apiKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return resp.StatusCode
	}
	body, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = errors.New(resp.Status)
	}
	if err == nil && v != nil {
		err = json.Unmarshal(body, v)
	}
	if err != nil {
		st.t.Fatalf("syncthing on %s: %s %s: %v\n%s\nit printed:\n%s", st.name, method, path, err, body, st.printed)
	}
	return resp.StatusCode
}

// waitUntil waits until done is true, checking it each time the instance
// reports an event (or a second has passed), and fails the test at the
// deadline, with what done said last and what the instances printed.
func (st *syncthing) waitUntil(deadline time.Time, what string, done func() (bool, string), others ...*syncthing) {
	st.t.Helper()
	for {
		ok, state := done()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			msg := fmt.Sprintf("syncthing on %s: not %s by the deadline (%v); last: %s", st.name, what, syncthingDeadline, state)
			for _, s := range append([]*syncthing{st}, others...) {
				msg += fmt.Sprintf("\n--- syncthing on %s printed:\n%s", s.name, s.printed)
			}
			st.t.Fatal(msg)
		}
		st.nextEvents()
	}
}

// nextEvents waits at most a second for the instance's next events: a
// long poll of its event API, which answers as soon as something happens.
func (st *syncthing) nextEvents() {
	st.t.Helper()
	var events []struct{ ID int }
	if !st.get(fmt.Sprintf("/rest/events?since=%d&timeout=1", st.events), &events) {
		time.Sleep(100 * time.Millisecond) // the API is not up yet: nothing to wait on
		return
	}
	for _, e := range events {
		st.events = max(st.events, e.ID)
	}
}

// carry has from's Syncthing look at its folder now (lumbar sync runs
// need no file watcher) and waits until to's holds every sync log as
// from's does.
func carry(t *testing.T, from, to *syncthing, deadline time.Time) {
	t.Helper()
	if from.call(http.MethodPost, "/rest/db/scan?folder="+url.QueryEscape(syncthingFolderID), nil) != http.StatusOK {
		t.Fatalf("syncthing on %s could not scan its folder\nit printed:\n%s", from.name, from.printed)
	}
	entries, err := os.ReadDir(filepath.Join(from.folder, "lumbar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := "lumbar/" + e.Name()
		want, ok := from.fileVersion(name)
		if !ok {
			t.Fatalf("syncthing on %s does not know %s after scanning its folder", from.name, name)
		}
		to.waitUntil(deadline, "holding "+name+" as "+from.name+" does", func() (bool, string) {
			got, _ := to.fileVersion(name)
			return got == want, fmt.Sprintf("version %q, want %q", got, want)
		}, from)
	}
	sameFolders(t, from.folder, to.folder)
}

// fileVersion is the version vector of the instance's own copy of the
// folder's file name; ok is false when it has none yet.
func (st *syncthing) fileVersion(name string) (version string, ok bool) {
	st.t.Helper()
	var file struct {
		Local struct {
			Version []string
		}
	}
	path := "/rest/db/file?folder=" + url.QueryEscape(syncthingFolderID) + "&file=" + url.QueryEscape(name)
	if st.call(http.MethodGet, path, &file) != http.StatusOK {
		return "", false
	}
	return strings.Join(file.Local.Version, ","), len(file.Local.Version) > 0
}

// sameFolders fails the test unless the sync logs in the two folders are
// the same files.
func sameFolders(t *testing.T, a, b string) {
	t.Helper()
	logs := func(dir string) map[string]string {
		files := map[string]string{}
		entries, err := os.ReadDir(filepath.Join(dir, "lumbar"))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			files[e.Name()] = string(mustRead(t, filepath.Join(dir, "lumbar", e.Name())))
		}
		return files
	}
	fromA, fromB := logs(a), logs(b)
	for name, data := range fromA {
		if fromB[name] != data {
			t.Errorf("Syncthing reported it done, but %s differs between the two folders", name)
		}
	}
	if len(fromA) != len(fromB) {
		t.Errorf("the folders hold different files: %d and %d", len(fromA), len(fromB))
	}
}

// lockedBuffer collects what a process prints, read while it runs.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
