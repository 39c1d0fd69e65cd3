package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestBundleOf(t *testing.T) {
	for _, c := range []struct {
		args     []string
		bundle   string
		creating bool
	}{
		{[]string{"--root", "/run/r", "--log", "l.json", "create", "--bundle", "/b", "--pid-file", "p", "id"}, "/b", true},
		{[]string{"create", "-b", "/b2", "id"}, "/b2", true},
		{[]string{"run", "--bundle=/b3", "id"}, "/b3", true},
		{[]string{"create", "id"}, ".", true},
		{[]string{"--root", "/run/r", "delete", "--force", "id"}, ".", false},
		{[]string{"start", "id"}, ".", false},
	} {
		bundle, creating := bundleOf(c.args)
		if bundle != c.bundle || creating != c.creating {
			t.Errorf("bundleOf(%q) = %q, %v; want %q, %v", c.args, bundle, creating, c.bundle, c.creating)
		}
	}
}

func TestAdjustRaisesOomScoreAdjToTheInheritedFloorAndDropsCapSysResource(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.json")
	spec := `{"ociVersion":"1.0.2","process":{"oomScoreAdj":-998,"capabilities":{` +
		`"bounding":["CAP_CHOWN","CAP_SYS_RESOURCE"],"effective":["CAP_SYS_RESOURCE"],"permitted":["CAP_KILL"]}},` +
		`"root":{"path":"rootfs"}}`
	if err := os.WriteFile(path, []byte(spec), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := adjust(path); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	data, _ := os.ReadFile(path)
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	process := got["process"].(map[string]any)
	if adj := process["oomScoreAdj"].(float64); adj != float64(inheritedOomScoreAdj()) {
		t.Errorf("oomScoreAdj = %v, want the inherited %d", adj, inheritedOomScoreAdj())
	}
	caps := process["capabilities"].(map[string]any)
	for name, want := range map[string]int{"bounding": 1, "effective": 0, "permitted": 1} {
		if n := len(caps[name].([]any)); n != want {
			t.Errorf("%s has %d capabilities (%v), want %d", name, n, caps[name], want)
		}
	}
	if got["root"].(map[string]any)["path"] != "rootfs" {
		t.Errorf("the rest of the spec changed: %s", data)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640 kept", info.Mode().Perm())
	}
}

func TestAdjustKeepsAnOomScoreAdjAboveTheFloor(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.json")
	if err := os.WriteFile(path, []byte(`{"process":{"oomScoreAdj":999}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := adjust(path); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if string(data) != `{"process":{"oomScoreAdj":999}}` {
		t.Errorf("spec = %s, want the Burstable pod's 999 kept", data)
	}
}
