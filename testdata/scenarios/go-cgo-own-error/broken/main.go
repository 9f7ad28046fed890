// The broken service names a type the driver declares in no file, with
// cgo or without: its own code is wrong, and the module is not analysed.
package main

import (
	"net/http"
	"strings"

	"example.com/csql"
)

func main() {
	var e csql.Failure
	http.Post("https://hooks.partner.example.cn/v1/users", "text/plain", strings.NewReader(e.Error()))
}
