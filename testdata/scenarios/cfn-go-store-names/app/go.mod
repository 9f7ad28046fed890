module example.com/app

go 1.22

require github.com/aws/aws-sdk-go-v2 v1.0.0

// A stub of the SDK, so that the scenario builds without a network.
replace github.com/aws/aws-sdk-go-v2 => ./third_party/aws-sdk-go-v2
