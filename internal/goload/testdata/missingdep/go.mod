module example.com/missingdep

go 1.22

require example.com/nowhere v1.0.0
