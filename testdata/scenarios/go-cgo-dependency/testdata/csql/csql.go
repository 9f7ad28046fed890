// Package csql is a database driver written with cgo: its error type is
// declared in this file only, which a build without cgo leaves out.
package csql

/*
#include <errno.h>
*/
import "C"

// Error is the driver's error, with the C library's code.
type Error struct {
	Code int
}

func (e Error) Error() string { return "csql error" }

// ErrConstraint is the code of a constraint violation.
const ErrConstraint = 19
