module example.com/csql

go 1.22
