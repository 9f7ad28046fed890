package main

func main() {
	upload(photos)
}
