// Command etcd is etcd's own server main, built as a dependency of this wrapper module: etcd's root
// module (go.etcd.io/etcd/v3, where its main lives) has replace directives, so `go install`
// refuses it, while its server module is published as it is.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
