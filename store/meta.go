package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

var (
	bucketMeta     = []byte("meta")
	bucketSettings = []byte("settings")
	keyFormat      = []byte("format")
	keySchema      = []byte("schema")
	keyRevision    = []byte("revision")
)

const formatMarker = "lumbar"

func readUint(b *bolt.Bucket, key []byte) uint64 {
	if b == nil {
		return 0
	}
	v := b.Get(key)
	if len(v) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(v)
}

func writeUint(b *bolt.Bucket, key []byte, n uint64) error {
	var v [8]byte
	binary.BigEndian.PutUint64(v[:], n)
	return b.Put(key, v[:])
}

func bumpRevision(btx *bolt.Tx) error {
	meta := btx.Bucket(bucketMeta)
	if meta == nil {
		return fmt.Errorf("meta bucket missing")
	}
	return writeUint(meta, keyRevision, readUint(meta, keyRevision)+1)
}

// GetSetting reads the setting called name into v. found is false (and v
// untouched) when it was never set.
func GetSetting(tx *Tx, name string, v any) (found bool, err error) {
	kept := settingBytes(tx, name)
	if kept == nil {
		return false, nil
	}
	if err := json.Unmarshal(kept, v); err != nil {
		return false, fmt.Errorf("setting %s: %w", name, err)
	}
	return true, nil
}

// settingBytes is what is kept under name in meta/settings; nil when it
// was never set. The bytes are valid until tx ends.
func settingBytes(tx *Tx, name string) []byte {
	settings := tx.btx.Bucket(bucketMeta).Bucket(bucketSettings)
	if settings == nil {
		return nil
	}
	return settings.Get([]byte(name))
}

// PutSetting stores v as the setting called name.
func PutSetting(tx *Tx, name string, v any) error {
	kept, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("setting %s: %w", name, err)
	}
	return putSettingBytes(tx, name, kept)
}

func putSettingBytes(tx *Tx, name string, kept []byte) error {
	settings, err := tx.btx.Bucket(bucketMeta).CreateBucketIfNotExists(bucketSettings)
	if err != nil {
		return err
	}
	return settings.Put([]byte(name), kept)
}

// DeleteSetting forgets the setting called name; forgetting one never set
// is not an error.
func DeleteSetting(tx *Tx, name string) error {
	settings := tx.btx.Bucket(bucketMeta).Bucket(bucketSettings)
	if settings == nil {
		return nil
	}
	return settings.Delete([]byte(name))
}
