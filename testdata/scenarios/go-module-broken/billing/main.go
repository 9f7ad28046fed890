// The billing service imports a package no module in its go.mod provides:
// it cannot be loaded, which fails the run with one error naming it.
package main

import "example.com/invoices/client"

func main() { client.Send() }
