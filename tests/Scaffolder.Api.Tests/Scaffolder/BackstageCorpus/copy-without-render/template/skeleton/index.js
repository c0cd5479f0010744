require("./lib/${{ values.name }}.js");
