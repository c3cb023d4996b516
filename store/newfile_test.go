package store_test

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"lumbar/store"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

func TestWriteFileAtomicallyWritesAPrivateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report.html")
	if err := store.WriteFileAtomically(path, false, writeString("whole")); err != nil {
		t.Fatal(err)
	}
	assertFile(t, path, "whole")
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600: it is health data", info.Mode().Perm())
	}
	assertOnlyFile(t, path)
}

func TestWriteFileAtomicallyNeverReplacesUnlessAsked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report.html")
	os.WriteFile(path, []byte("earlier"), 0o600)
	err := store.WriteFileAtomically(path, false, writeString("later"))
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("err %v, want fs.ErrExist", err)
	}
	assertFile(t, path, "earlier")
	if err := store.WriteFileAtomically(path, true, writeString("later")); err != nil {
		t.Fatal(err)
	}
	assertFile(t, path, "later")
	assertOnlyFile(t, path)
}

// A replacing write that fails half-way keeps the file it would have
// replaced: --force must not cost the earlier report.
func TestWriteFileAtomicallyKeepsTheEarlierFileWhenTheWriteFails(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report.html")
	os.WriteFile(path, []byte("earlier"), 0o600)
	full := errors.New("no space left on device")
	err := store.WriteFileAtomically(path, true, func(w io.Writer) error {
		io.WriteString(w, "half")
		return full
	})
	if !errors.Is(err, full) {
		t.Fatalf("err %v, want the write's own", err)
	}
	assertFile(t, path, "earlier")
	assertOnlyFile(t, path)
}

func assertFile(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Errorf("%s holds %q (%v), want %q", filepath.Base(path), got, err, want)
	}
}

// assertOnlyFile checks no temporary file is left beside path.
func assertOnlyFile(t *testing.T, path string) {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 || entries[0].Name() != filepath.Base(path) {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %v, want only %s", names, filepath.Base(path))
	}
}

// A file that cannot be written is named as the person named it, never
// by the temporary file beside it.
func TestWriteFileAtomicallyNamesThePathAsked(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no such folder", "report.html")
	err := store.WriteFileAtomically(missing, true, writeString("x"))
	var pathErr *fs.PathError
	if !errors.As(err, &pathErr) || pathErr.Path != missing || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("writing into a missing folder: %v", err)
	}
	taken := filepath.Join(dir, "taken.html")
	os.WriteFile(taken, []byte("earlier"), 0o600)
	err = store.WriteFileAtomically(taken, false, writeString("later"))
	if !errors.As(err, &pathErr) || pathErr.Path != taken || !errors.Is(err, fs.ErrExist) {
		t.Errorf("an existing file: %v", err)
	}
}

// A report or export killed half-way leaves its temporary file, health
// data, in the person's folder: the next write there removes it once it
// is stale, and leaves a younger one (a write still under way) alone.
func TestWriteFileAtomicallyRemovesWhatAKilledWriteLeft(t *testing.T) {
	dir := t.TempDir()
	stale, young := filepath.Join(dir, ".lumbar-out-123"), filepath.Join(dir, ".lumbar-out-456")
	for _, p := range []string{stale, young} {
		os.WriteFile(p, []byte("half a report"), 0o600)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(stale, old, old)
	path := filepath.Join(dir, "report.html")
	if err := store.WriteFileAtomically(path, false, writeString("whole")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the stale temporary file is still there: %v", err)
	}
	if _, err := os.Stat(young); err != nil {
		t.Errorf("a write still under way lost its temporary file: %v", err)
	}
}
