//go:build !cgo

// Without cgo the driver is a stub that declares no Error type.
package csql

import "errors"

// Insert fails: the driver needs cgo.
func Insert(string) error { return errors.New("csql needs cgo") }
