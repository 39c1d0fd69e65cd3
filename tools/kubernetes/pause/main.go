// Command pause is the process that holds a pod's namespaces (the sandbox image containerd starts
// first in every pod), written here because registry.k8s.io's pause image cannot be pulled on this
// machine. Like Kubernetes' own, it sleeps until SIGINT or SIGTERM and, as PID 1 of the pod when
// the process namespace is shared, reaps the zombies it inherits.
package main

import (
	"os"
	"os/signal"
	"syscall"
)

func main() {
	if os.Getpid() != 1 {
		os.Stderr.WriteString("warning: pause should be the first process\n")
	}
	signals := make(chan os.Signal, 8)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM, syscall.SIGCHLD)
	for s := range signals {
		if s != syscall.SIGCHLD {
			os.Exit(0)
		}
		for {
			pid, err := syscall.Wait4(-1, nil, syscall.WNOHANG, nil)
			if pid <= 0 || err != nil {
				break
			}
		}
	}
}
