package main

import _ "example.com/nowhere"

func main() {}
