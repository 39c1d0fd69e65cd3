// Command runc-wrapper is the node's OCI runtime: runc, after one adjustment to the bundle of a
// container being created, made only when the machine needs it. Some VMs (this project's CI among
// them) run everything with a capability bounding set that lacks CAP_SYS_RESOURCE. Without it,
// runc cannot lower a process's oom_score_adj (the kubelet asks -998 for every pod sandbox and -997
// for Guaranteed pods) nor grant that capability (privileged containers), and every such container
// fails with "can't get final child's PID from pipe: EOF". On such a machine the wrapper keeps
// oom_score_adj at the floor it inherited and drops CAP_SYS_RESOURCE from the container's sets;
// everywhere else it only execs runc.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

const capSysResource = 24

func main() {
	runc, err := exec.LookPath("runc")
	if err != nil {
		runc = "/usr/sbin/runc"
	}
	if bundle, creating := bundleOf(os.Args[1:]); creating && !boundingSetHas(capSysResource) {
		if err := adjust(filepath.Join(bundle, "config.json")); err != nil {
			fmt.Fprintf(os.Stderr, "runc-wrapper: %v\n", err)
			os.Exit(1)
		}
	}
	if err := syscall.Exec(runc, append([]string{runc}, os.Args[1:]...), os.Environ()); err != nil {
		fmt.Fprintf(os.Stderr, "runc-wrapper: exec %s: %v\n", runc, err)
		os.Exit(1)
	}
}

// bundleOf finds runc's subcommand and, for create and run, the bundle directory (--bundle/-b, or
// the working directory, as runc itself defaults).
func bundleOf(args []string) (string, bool) {
	creating := false
	bundle := "."
	for i := 0; i < len(args); i++ {
		switch arg := args[i]; {
		case arg == "create" || arg == "run":
			creating = true
		case (arg == "--bundle" || arg == "-b") && i+1 < len(args):
			bundle = args[i+1]
			i++
		case strings.HasPrefix(arg, "--bundle="):
			bundle = strings.TrimPrefix(arg, "--bundle=")
		}
	}
	return bundle, creating
}

func boundingSetHas(capability uint) bool {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return true
	}
	for _, line := range strings.Split(string(status), "\n") {
		if hex, ok := strings.CutPrefix(line, "CapBnd:"); ok {
			set, err := strconv.ParseUint(strings.TrimSpace(hex), 16, 64)
			return err != nil || set&(1<<capability) != 0
		}
	}
	return true
}

func adjust(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var spec map[string]any
	if err := json.Unmarshal(data, &spec); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	process, _ := spec["process"].(map[string]any)
	if process == nil {
		return nil
	}
	if adj, ok := process["oomScoreAdj"].(float64); ok {
		if floor := inheritedOomScoreAdj(); adj < float64(floor) {
			process["oomScoreAdj"] = floor
		}
	}
	if capabilities, ok := process["capabilities"].(map[string]any); ok {
		for name, set := range capabilities {
			list, _ := set.([]any)
			kept := make([]any, 0, len(list))
			for _, c := range list {
				if c != "CAP_SYS_RESOURCE" {
					kept = append(kept, c)
				}
			}
			capabilities[name] = kept
		}
	}
	out, err := json.Marshal(spec)
	if err != nil {
		return err
	}
	return os.WriteFile(path, out, info.Mode().Perm())
}

// inheritedOomScoreAdj is the lowest value this process may set without CAP_SYS_RESOURCE.
func inheritedOomScoreAdj() int {
	data, err := os.ReadFile("/proc/self/oom_score_adj")
	if err != nil {
		return 0
	}
	adj, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil {
		return 0
	}
	return adj
}
