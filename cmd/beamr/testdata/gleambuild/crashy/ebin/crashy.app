{application,crashy,
             [{vsn,"1.0.0"},
              {applications,[kernel,stdlib]},
              {description,""},
              {modules,[crashy]},
              {registered,[]}]}.
