variable "location" {
  type    = string
  default = "${{ values.region }}"
}

variable "tags" {
  type    = map(string)
  default = {}
}

locals {
  name = "${var.location}-net"
}
