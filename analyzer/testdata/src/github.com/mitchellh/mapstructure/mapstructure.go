// Package mapstructure is a stub of github.com/mitchellh/mapstructure:
// decodes one Go value into another in memory.
package mapstructure

import (
	"errors"
	"reflect"
)

func Decode(input interface{}, output interface{}) error {
	in, out := reflect.TypeOf(input), reflect.TypeOf(output)
	if out.Kind() != reflect.Ptr {
		return errors.New("result must be a pointer")
	}
	if !in.AssignableTo(out.Elem()) && !in.ConvertibleTo(out.Elem()) {
		return errors.New("cannot decode")
	}
	reflect.ValueOf(output).Elem().Set(reflect.ValueOf(input))
	return nil
}
