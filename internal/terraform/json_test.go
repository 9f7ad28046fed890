package terraform

import "testing"

func TestJSONConfiguration(t *testing.T) {
	runCases(t, []readCase{
		{
			name:   "providers, aliases, variables, locals, modules and policies in .tf.json",
			places: places{},
			files: map[string]string{
				"main.tf.json": `
{
  "provider": {
    "aws": [
      {"region": "ap-northeast-1"},
      {"alias": "seoul", "region": "${var.kr}"}
    ]
  },
  "variable": {"kr": {"default": "us-east-1"}},
  "locals": {"names": {"a": "x"}},
  "resource": {
    "aws_s3_bucket": {
      "media": {"provider": "aws.seoul"},
      "logs": {"bucket": "${local.names.a}"}
    },
    "aws_iam_role": {
      "ops": {
        "assume_role_policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::222233334444:root\"}}]}"
      }
    }
  },
  "module": {
    "m": {"source": "./m", "region": "${var.kr}"}
  }
}
`,
				"terraform.tfvars.json": `{"kr": "ap-northeast-2"}`,
				"m/main.tf.json": `
{
  "variable": {"region": {}},
  "resource": {
    "aws_dynamodb_table": {
      "t": {
        "region": "${var.region}",
        "replica": [{"region_name": "eu-west-1"}]
      }
    }
  }
}
`,
			},
			want: []string{
				`m/main.tf.json:6:9 store aws_dynamodb_table.t -> KR ap-northeast-2  via var.region = "ap-northeast-2" (terraform.tfvars.json)  in module.m`,
				`m/main.tf.json:7:22 store aws_dynamodb_table.t replica [replica] -> IE eu-west-1  via replica of aws_dynamodb_table.t  in module.m`,
				`main.tf.json:12:17 store aws_s3_bucket.media -> KR ap-northeast-2  via provider aws.seoul, var.kr = "ap-northeast-2" (terraform.tfvars.json)`,
				`main.tf.json:13:7 store aws_s3_bucket.logs -> JP ap-northeast-1  via provider aws`,
				`main.tf.json:17:108 access aws_iam_role.ops trust policy -> CN  via entity shanghai-contractor, AWS account 222233334444`,
			},
		},
	})
}
